/**
 * The real-library corpus: bugs reproduced on old releases of libraries from the central
 * repository and on the JDK's own historical bugs, each buggy and fixed. {@link
 * dev.weft.bench.corpus.CorpusBenchmark} compares a plain stress loop with Weft on each; the
 * module's {@code CorpusTest} checks that Weft finds every bug and passes every fix.
 */
package dev.weft.bench.corpus;
