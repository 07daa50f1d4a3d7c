package org.habitatj.ij;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses and writes ImageJ 1.x macro option strings such as {@code image=[t1 image] k=4
 * mask_file=[] normalize=true}.
 *
 * <p>Grammar (the one ImageJ's recorder writes): tokens separated by spaces; a token is {@code
 * key=value} or a bare {@code key} (a checked checkbox, read as {@code true}). A value that
 * contains spaces, is empty, or starts with {@code [} is written in square brackets; a bracketed
 * value ends at the first {@code ]} followed by a space or by the end of the string, so paths with
 * brackets inside survive. Keys are case-sensitive and lower-case by convention.
 */
public final class MacroOptions {

  private MacroOptions() {}

  /**
   * Parses an option string into an ordered key to value map (bare keys map to {@code "true"}).
   *
   * @throws IllegalArgumentException on a duplicate key or an unterminated {@code [value}
   */
  public static Map<String, String> parse(String options) {
    Map<String, String> out = new LinkedHashMap<>();
    if (options == null) {
      return out;
    }
    String s = options;
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int k = i;
      while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String key = s.substring(k, i);
      String value;
      if (i < n && s.charAt(i) == '=') {
        i++;
        if (i < n && s.charAt(i) == '[') {
          int end = i + 1;
          while (true) {
            end = s.indexOf(']', end);
            if (end < 0) {
              throw new IllegalArgumentException(
                  "macro option '" + key + "' has an unterminated [value in: " + options);
            }
            if (end + 1 >= n || Character.isWhitespace(s.charAt(end + 1))) {
              break;
            }
            end++;
          }
          value = s.substring(i + 1, end);
          i = end + 1;
        } else {
          int v = i;
          while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
          }
          value = s.substring(v, i);
        }
      } else {
        value = "true";
      }
      if (out.containsKey(key)) {
        throw new IllegalArgumentException("macro option '" + key + "' is given twice in: " + options);
      }
      out.put(key, value);
    }
    return out;
  }

  /** Quotes one value the way {@link #parse} reads it back: {@code []} when empty. */
  public static String quote(String value) {
    if (value == null || value.isEmpty()) {
      return "[]";
    }
    boolean needs = value.startsWith("[");
    for (int i = 0; i < value.length() && !needs; i++) {
      needs = Character.isWhitespace(value.charAt(i));
    }
    return needs ? "[" + value + "]" : value;
  }

  /** Writes an ordered key to value map as an option string ({@code key=value} for every key). */
  public static String format(Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.getKey()).append('=').append(quote(e.getValue()));
    }
    return sb.toString();
  }

  /**
   * The macro key of a Java field name: snake_case, lower case. An underscore goes before an upper
   * case letter that follows a lower case letter or a digit, and before the last capital of an
   * acronym that is followed by a lower case letter: {@code maskFile -> mask_file}, {@code
   * useROIManager -> use_roi_manager}, {@code k -> k}, {@code binWidth -> bin_width}.
   */
  public static String keyOf(String fieldName) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fieldName.length(); i++) {
      char c = fieldName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char p = fieldName.charAt(i - 1);
        boolean nextLower = i + 1 < fieldName.length()
            && Character.isLowerCase(fieldName.charAt(i + 1));
        if (Character.isLowerCase(p) || Character.isDigit(p)
            || (Character.isUpperCase(p) && nextLower)) {
          sb.append('_');
        }
      }
      sb.append(c == '_' ? '_' : Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** Formats a number without a trailing {@code .0} for integral values, locale independent. */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Lists keys for error messages: {@code a, b, c}. */
  static String list(Collection<String> keys) {
    return String.join(", ", keys);
  }
}
