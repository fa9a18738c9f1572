package dev.weft.examples.lazyinit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Fixed {@link CurrencyConverter}: the rate table is frozen with {@code Map.copyOf} and then
 * published through a {@code volatile} field.
 *
 * <p>The volatile write comes after the table is complete, and it happens-before every read of the
 * field that sees it, so whoever finds the table finds all of it: that is safe publication. Two
 * threads may both load the table the first time; it is cheap and both tables are equal, so one
 * simply wins. When loading is expensive, double-checked locking on this same volatile field loads
 * it once; for a static table, the holder-class idiom lets class initialization do the locking.
 */
public final class CurrencyConverterFixed implements Converter {
  private volatile Map<String, BigDecimal> euroPerUnit;

  @Override
  public BigDecimal toEuro(BigDecimal amount, String currency) {
    Map<String, BigDecimal> rates = euroPerUnit;
    if (rates == null) {
      rates = Map.copyOf(ExchangeRates.load());
      euroPerUnit = rates;
    }
    return amount.multiply(rates.get(currency));
  }
}
