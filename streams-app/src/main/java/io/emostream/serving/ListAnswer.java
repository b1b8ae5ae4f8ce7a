package io.emostream.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A list answer gathered from several instances: {@code {"items": [...], "partial": bool,
 * "missingPartitions": [...], "unreachable": [...]}}. A fan-out that cannot reach every
 * partition answers with what it has and says which partitions are missing, so a dashboard can
 * show "partial" instead of an empty list or an error. Not thread-safe; one per request.
 */
final class ListAnswer {

  final List<JsonNode> items = new ArrayList<>();
  final Set<Integer> missing = new TreeSet<>();
  private final List<String> unreachable = new ArrayList<>();

  /**
   * Adds a peer's own list answer, or, when it failed, marks the partitions it runs as missing.
   *
   * @param partitions the partitions the peer runs the active tasks of
   */
  void merge(String peer, List<Integer> partitions, Cluster.PeerResponse response) {
    if (response.status() == 200) {
      try {
        JsonNode body = Http.JSON.readTree(response.body());
        body.path("items").forEach(items::add);
        body.path("missingPartitions").forEach(p -> missing.add(p.asInt()));
        return;
      } catch (IOException e) {
        unreachable.add(peer + " (unreadable answer: " + e.getMessage() + ")");
      }
    } else {
      unreachable.add(peer + " (" + response.status() + ")");
    }
    missing.addAll(partitions);
  }

  ObjectNode toJson(Comparator<JsonNode> order) {
    items.sort(order);
    ObjectNode out = Http.JSON.createObjectNode();
    ArrayNode list = out.putArray("items");
    items.forEach(list::add);
    out.put("partial", !missing.isEmpty());
    ArrayNode gaps = out.putArray("missingPartitions");
    missing.forEach(gaps::add);
    ArrayNode down = out.putArray("unreachable");
    unreachable.forEach(down::add);
    return out;
  }
}
