package io.emostream.model.corpus;

import java.util.Locale;

/** Who speaks an utterance in a contact-centre call. */
public enum Role {
  AGENT,
  CUSTOMER;

  /** The lower-case name used in manifests ({@code "agent"}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code "agent"} or {@code "customer"} (any case). */
  public static Role fromLabel(String label) {
    for (Role role : values()) {
      if (role.label().equalsIgnoreCase(label.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role '" + label + "': use agent or customer");
  }
}
