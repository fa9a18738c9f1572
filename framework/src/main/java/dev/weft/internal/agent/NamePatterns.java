package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Patterns of package, class and field names, as users write them in {@code
 * weft.instrument.include}, {@code weft.instrument.exclude} and {@code weft.benignRaces}: a name
 * matches its own package, class or field and everything inside it ({@code com.acme} matches
 * {@code com.acme.shop.Cart}, {@code com.acme.Cart} matches {@code com.acme.Cart$Line} and the
 * field {@code com.acme.Cart.items}); {@code *} stands for any part of one name and {@code **}
 * for any run of names ({@code **.Cache.hash}); a trailing {@code .*} or {@code .**} is allowed
 * and means the same as the name before it. Immutable.
 */
public final class NamePatterns {
  /** Matches nothing. */
  public static final NamePatterns NONE = new NamePatterns(List.of(), List.of());

  private final List<String> texts;
  private final List<Pattern> compiled;

  private NamePatterns(List<String> texts, List<Pattern> compiled) {
    this.texts = texts;
    this.compiled = compiled;
  }

  /**
   * Parses patterns; a blank entry is skipped.
   *
   * @throws IllegalArgumentException naming the pattern that is not a valid name pattern
   */
  public static NamePatterns of(List<String> patterns) {
    List<String> texts = new ArrayList<>();
    List<Pattern> compiled = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw == null ? "" : raw.strip();
      if (p.isEmpty()) continue;
      String problem = problem(p);
      if (problem != null) {
        throw new IllegalArgumentException("\"" + raw + "\" is not a name pattern: " + problem
            + "; write a package (com.acme), a class (com.acme.Cart) or a field"
            + " (com.acme.Cart.items), with * for part of a name and ** for several names");
      }
      texts.add(p);
      compiled.add(compile(p));
    }
    return texts.isEmpty() ? NONE : new NamePatterns(List.copyOf(texts), List.copyOf(compiled));
  }

  /** Splits a comma-separated list, as system properties and configuration parameters give it. */
  public static NamePatterns parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) return NONE;
    return of(List.of(commaSeparated.split(",")));
  }

  private static String problem(String p) {
    String name = stripPackageWildcard(p);
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return "it has an empty part";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '.' && c != '*' && c != '$' && !Character.isJavaIdentifierPart(c)) {
        return "'" + c + "' cannot be part of a name";
      }
    }
    return null;
  }

  private static String stripPackageWildcard(String p) {
    if (p.endsWith(".**")) return p.substring(0, p.length() - 3);
    if (p.endsWith(".*")) return p.substring(0, p.length() - 2);
    return p;
  }

  /** The name itself, or anything inside it (after a dot or a {@code $}). */
  private static Pattern compile(String p) {
    String name = stripPackageWildcard(p);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '*') {
        boolean twice = i + 1 < name.length() && name.charAt(i + 1) == '*';
        re.append(twice ? ".*" : "[^.]*");
        if (twice) i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re + "([.$].*)?");
  }

  public boolean isEmpty() {
    return texts.isEmpty();
  }

  /** Whether some pattern matches {@code name} (a binary class name, or {@code Owner.field}). */
  public boolean matches(String name) {
    for (Pattern p : compiled) {
      if (p.matcher(name).matches()) return true;
    }
    return false;
  }

  /** The patterns as given (blank ones dropped). */
  public List<String> texts() {
    return texts;
  }

  @Override
  public String toString() {
    return String.join(",", texts);
  }
}
