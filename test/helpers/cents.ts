/** Canonical amount text for a whole number of cents, built without floats. */
export function centsToText(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const whole = absolute / 100n;
  const fraction = absolute % 100n;
  const body = fraction === 0n ? whole.toString() : `${whole}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
  return negative && absolute !== 0n ? `-${body}` : body;
}
