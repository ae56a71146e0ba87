/**
 * Every way to pick `count` of `total` places in order (the cell index of each of a row's values, the columns a block
 * printed), as arrays of increasing indexes; the enumeration stops once it holds more than `limit`.
 */
export function orderedChoices(total: number, count: number, limit = Number.POSITIVE_INFINITY): number[][] {
  const result: number[][] = [];
  const walk = (from: number, chosen: number[]): void => {
    if (result.length > limit) return;
    if (chosen.length === count) {
      result.push([...chosen]);
      return;
    }
    for (let place = from; place <= total - (count - chosen.length); place++) walk(place + 1, [...chosen, place]);
  };
  walk(0, []);
  return result;
}
