package io.emostream.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest by the build ("dev" when run from classes). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = EmostreamCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "emostream " + (version == null ? "dev" : version),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
