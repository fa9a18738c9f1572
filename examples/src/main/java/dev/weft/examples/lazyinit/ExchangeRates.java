package dev.weft.examples.lazyinit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The rate table the converters load lazily (from a rates service, in real life). */
final class ExchangeRates {
  private ExchangeRates() {}

  /** A new, mutable table of euros per unit of each currency. */
  static Map<String, BigDecimal> load() {
    Map<String, BigDecimal> euroPerUnit = new HashMap<>();
    euroPerUnit.put("EUR", BigDecimal.ONE);
    euroPerUnit.put("USD", new BigDecimal("0.90"));
    euroPerUnit.put("GBP", new BigDecimal("1.20"));
    return euroPerUnit;
  }
}
