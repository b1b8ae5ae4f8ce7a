package io.emostream.serving;

import java.util.List;

/**
 * One agent as {@code /api/agents/{id}} returns it.
 *
 * @param agentId the agent
 * @param current the window that best describes the agent now (see {@link AgentWindows#current})
 * @param windows every window still held (open ones included), newest first
 */
public record AgentDetailView(String agentId, AgentWindowView current, List<AgentWindowView> windows) {

  public AgentDetailView {
    windows = List.copyOf(windows);
  }
}
