package io.emostream.connect;

/** The plugin's version, as Connect's REST API reports it for our connector and converter. */
public final class Versions {
  private Versions() {}

  /** The jar's Implementation-Version, or {@code dev} when running from classes. */
  public static String current() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }
}
