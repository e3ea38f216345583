/**
 * A value made from an OpenTelemetry provider: from the one given in the options, or from the
 * global one in force now, made again when the global one changes. The API hands out no proxy
 * meter provider, and a global provider replaced later (disable, then set) leaves the old proxies
 * pointing at the old SDK: an identity check per read keeps settings on the provider in force.
 */
export class ProviderBound<P, T> {
  private source: P | undefined;
  private value: T | undefined;

  /** `make` is called once per provider; it must not throw (guard it). */
  constructor(
    private readonly fixed: P | undefined,
    private readonly global: () => P,
    private readonly make: (provider: P) => T,
  ) {
    if (fixed !== undefined) this.value = this.makeFrom(fixed);
  }

  /**
   * The value for the provider in force: an identity check, no allocation unless it changed.
   * @example const tracer = new ProviderBound(undefined, () => trace.getTracerProvider(), (p) => p.getTracer('x')).get();
   */
  get(): T {
    const provider = this.fixed ?? this.global();
    return provider === this.source ? (this.value as T) : this.makeFrom(provider);
  }

  private makeFrom(provider: P): T {
    this.source = provider;
    this.value = this.make(provider);
    return this.value;
  }
}
