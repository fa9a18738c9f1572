package dev.weft.internal;

import dev.weft.Result;
import dev.weft.internal.report.Coverage;
import dev.weft.internal.report.CoverageText;

/** Gives a result what its exploration covered ({@link Coverage}). */
final class SearchResults {
  private SearchResults() {}

  static Result withCoverage(Result result, Coverage coverage) {
    return ApiValues.get().withCoverage(result, coverage.exhausted(),
        CoverageText.searchPhrase(coverage).orElse(null));
  }
}
