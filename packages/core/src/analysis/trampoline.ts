/**
 * Recursion over needs, without the call stack. A register can chain needs thousands deep, which
 * plain recursion turns into "Maximum call stack size exceeded". The analyses therefore write
 * their recursive definitions as generators that `yield` the sub-problem they need next and
 * receive its answer; `trampoline` runs them on an explicit stack, in the same order and with the
 * same short cuts plain recursion would take. `known` answers a sub-problem already solved (or
 * one that must not be entered again, such as a cycle back to an asset in progress).
 */
export function trampoline<Need, Value>(
  need: Need,
  known: (need: Need) => Value | undefined,
  start: (need: Need) => Generator<Need, Value, Value>,
): Value {
  const first = known(need);
  if (first !== undefined) return first;
  const stack = [start(need)];
  let input = undefined as Value; // the first `next` argument is ignored by a fresh generator
  while (stack.length) {
    const step = stack[stack.length - 1]!.next(input);
    if (step.done) {
      stack.pop();
      input = step.value;
      continue;
    }
    const value = known(step.value);
    if (value !== undefined) input = value;
    else stack.push(start(step.value));
  }
  return input;
}
