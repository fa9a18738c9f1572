package dev.weft.examples.lazyinit;

import java.math.BigDecimal;

/** Converts prices to euros with exchange rates it loads the first time it needs them. */
public interface Converter {
  /** {@code amount} of {@code currency} in euros. */
  BigDecimal toEuro(BigDecimal amount, String currency);
}
