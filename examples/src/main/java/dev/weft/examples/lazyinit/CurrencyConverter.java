package dev.weft.examples.lazyinit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Buggy: loads the rate table on first use into a plain field, so the {@link java.util.HashMap}
 * is published to other threads without any happens-before ordering.
 *
 * <p>The first thread fills a new map and stores it in the field; a second thread that finds the
 * field set reads the map, but nothing orders those reads after the first thread's writes: the
 * Java memory model lets it see the reference and yet an empty or half-built table. It "works" on
 * x86 almost always, which is why such code ships. Storing the map in the field before filling it,
 * the other common form, is worse still. {@link CurrencyConverterFixed} is the fix.
 */
public final class CurrencyConverter implements Converter {
  private Map<String, BigDecimal> euroPerUnit;

  @Override
  public BigDecimal toEuro(BigDecimal amount, String currency) {
    Map<String, BigDecimal> rates = euroPerUnit;
    if (rates == null) {
      rates = ExchangeRates.load();
      euroPerUnit = rates;
    }
    return amount.multiply(rates.get(currency));
  }
}
