/**
 * A correct design from the articles: flash-sale stock in striped maps, each stripe a plain
 * HashMap guarded by its own lock. It must pass.
 */
package dev.weft.examples.flashsale;
