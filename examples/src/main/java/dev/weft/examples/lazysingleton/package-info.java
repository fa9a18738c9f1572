/**
 * An audit log built lazily on a plain static field ({@code if (instance == null) instance = new
 * AuditLog()}), a field race two request threads hit on first use, and its fix with the holder
 * idiom.
 */
package dev.weft.examples.lazysingleton;
