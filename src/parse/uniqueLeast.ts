/**
 * The index of the item of least cost, or undefined when there is none or another item that differs from it (`same`)
 * costs as little: a choice offered to a reviewer is offered only where one choice stands out.
 */
export function uniqueLeast<T>(items: readonly T[], cost: (item: T) => number, same: (left: T, right: T) => boolean): number | undefined {
  let best: number | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  let tied = false;
  items.forEach((item, index) => {
    const itemCost = cost(item);
    if (itemCost < bestCost - 1e-9) {
      best = index;
      bestCost = itemCost;
      tied = false;
    } else if (itemCost <= bestCost + 1e-9 && best !== undefined && !same(items[best]!, item)) tied = true;
  });
  return tied ? undefined : best;
}
