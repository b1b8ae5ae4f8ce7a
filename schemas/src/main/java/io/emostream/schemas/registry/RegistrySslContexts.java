package io.emostream.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the {@link SSLContext} for https registry URLs: the JVM default (standard
 * {@code javax.net.ssl.*} system properties) unless trust or key stores are configured under
 * {@code schema.registry.ssl.*}.
 */
public final class RegistrySslContexts {
  private RegistrySslContexts() {}

  /**
   * Store locations and passwords; every field may be null (unset).
   *
   * @param truststoreLocation path of the trust store, or null for the JVM's default trust
   * @param keystoreLocation path of the key store for mutual TLS, or null for none
   */
  public record StoreSettings(String truststoreLocation, String truststorePassword,
      String truststoreType, String keystoreLocation, String keystorePassword,
      String keystoreType, String keyPassword) {

    @Override
    public String toString() {
      return "StoreSettings[truststore=" + truststoreLocation + ", keystore=" + keystoreLocation
          + "]";
    }
  }

  /**
   * @throws ConfigException when a store cannot be read or opened, naming the key and path
   */
  public static SSLContext create(StoreSettings s) {
    try {
      if (s.truststoreLocation() == null && s.keystoreLocation() == null) {
        return SSLContext.getDefault();
      }
      TrustManagerFactory tmf = null;
      if (s.truststoreLocation() != null) {
        KeyStore trust = load(SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG,
            s.truststoreLocation(), s.truststoreType(), s.truststorePassword());
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (s.keystoreLocation() != null) {
        KeyStore keys = load(SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG,
            s.keystoreLocation(), s.keystoreType(), s.keystorePassword());
        String keyPassword = s.keyPassword() != null ? s.keyPassword() : s.keystorePassword();
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, keyPassword == null ? new char[0] : keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("Cannot build the TLS context for the schema registry from "
          + s + ": " + e.getMessage() + ". Check the schema.registry.ssl.* settings.");
    }
  }

  private static KeyStore load(String key, String location, String type, String password)
      throws GeneralSecurityException {
    Path path = Path.of(location);
    if (!Files.isReadable(path)) {
      throw new ConfigException(key, location, "the file does not exist or is not readable");
    }
    KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password == null ? null : password.toCharArray());
    } catch (IOException e) {
      throw new ConfigException(key, location, "cannot open the " + type + " store ("
          + e.getMessage() + "); check its password and type settings");
    }
    return store;
  }
}
