package io.emostream.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.common.config.ConfigException;

/** Builds HTTP basic-auth headers from {@code user:password}. */
final class BasicAuth {
  private BasicAuth() {}

  /**
   * @param key the config key the credentials came from, named in the error
   * @param userInfo {@code user:password}
   * @throws ConfigException when there is no ':' or the user is empty
   */
  static String header(String key, String userInfo) {
    int colon = userInfo.indexOf(':');
    if (colon <= 0) {
      throw new ConfigException("The credentials in " + key + " must be user:password (with a colon, user not empty); "
          + "the value given has " + (colon < 0 ? "no colon." : "an empty user."));
    }
    return "Basic " + Base64.getEncoder()
        .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }
}
