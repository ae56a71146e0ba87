import { describe, expect, it } from 'vitest';
import { createTokenBudget } from './TokenBudget.ts';

describe('createTokenBudget', () => {
  it('refuses a reservation that does not fit, and counts reservations until settled', () => {
    const budget = createTokenBudget(1000);
    const first = budget.reserve(600)!;
    expect(budget.available()).toBe(400);
    expect(budget.reserve(500)).toBeUndefined();
    first.settle(250);
    expect(budget.spent()).toBe(250);
    expect(budget.available()).toBe(750);
    expect(budget.reserve(750)).toBeDefined();
  });

  it('settles once', () => {
    const budget = createTokenBudget(100);
    const reservation = budget.reserve(50)!;
    reservation.settle(10);
    reservation.settle(40);
    expect(budget.spent()).toBe(10);
  });
});
