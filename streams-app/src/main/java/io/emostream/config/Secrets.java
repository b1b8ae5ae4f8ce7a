package io.emostream.config;

import java.util.regex.Pattern;

/** Which settings are secrets, and how they are printed: never in clear. */
public final class Secrets {

  /** What printed secrets look like. */
  public static final String MASK = "****";

  private static final Pattern SECRET = Pattern.compile(
      ".*(password|secret|token|jaas|user\\.info|credentials|api\\.key|private\\.key|key\\.pem).*",
      Pattern.CASE_INSENSITIVE);

  private Secrets() {}

  /** True for keys that hold passwords, keys, tokens or JAAS settings. */
  public static boolean isSecret(String key) {
    return SECRET.matcher(key).matches();
  }

  /** {@code value} as it may be printed: masked for a secret key, with URL credentials masked otherwise. */
  public static String mask(String key, String value) {
    if (value == null) {
      return null;
    }
    return isSecret(key) ? MASK : value.replaceAll("(://)[^/@\\s]+:[^/@\\s]+@", "$1****:****@");
  }
}
