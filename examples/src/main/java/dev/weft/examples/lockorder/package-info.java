/**
 * A catalog with two read-write locks taken in opposite orders by an import and a price change
 * (DEADLOCK), and its fix with one lock order.
 */
package dev.weft.examples.lockorder;
