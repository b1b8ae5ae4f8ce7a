package io.emostream.model.evaluation.real;

import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.channel.Channel;
import io.emostream.model.channel.ChannelSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same utterances through every channel of {@link Channel#robustnessSet()}: how often the
 * label stays what the clean rendering gave, per channel and through all of them at once (packet
 * loss is reported but not part of "all": it removes speech, which may fairly change a result).
 *
 * @param all       by view: share of utterances whose label is the clean one through every channel
 * @param byChannel by view and channel: share whose label is the clean one
 */
record ChannelRobustness(Map<String, Double> all, Map<String, Map<String, Double>> byChannel) {

  static ChannelRobustness measure(Function<List<UtteranceInput>, List<EmotionPrediction>> predict,
      List<UtteranceInput> utterances) {
    List<Channel> channels = Channel.robustnessSet();
    Map<String, Double> all = new LinkedHashMap<>();
    Map<String, Map<String, Double>> byChannel = new LinkedHashMap<>();
    for (String view : List.of("audio+text", "audio only")) {
      List<List<String>> labels = new ArrayList<>();
      for (Channel channel : channels) {
        List<UtteranceInput> rendered = utterances.stream().map(u -> new UtteranceInput(u.id(),
            ChannelSimulator.render(u.audio(), channel), view.equals("audio only") ? null : u.text())).toList();
        labels.add(predict.apply(rendered).stream().map(EmotionPrediction::label).toList());
      }
      Map<String, Double> perChannel = new LinkedHashMap<>();
      int[] stableEverywhere = new int[1];
      for (int u = 0; u < utterances.size(); u++) {
        boolean stable = true;
        for (int c = 1; c < channels.size(); c++) {
          boolean same = labels.get(c).get(u).equals(labels.get(0).get(u));
          perChannel.merge(channels.get(c).name(), same ? 1.0 : 0.0, Double::sum);
          if (!channels.get(c).name().startsWith("packet-loss")) {
            stable &= same;
          }
        }
        stableEverywhere[0] += stable ? 1 : 0;
      }
      perChannel.replaceAll((k, v) -> v / utterances.size());
      all.put(view, stableEverywhere[0] / (double) utterances.size());
      byChannel.put(view, perChannel);
    }
    return new ChannelRobustness(all, byChannel);
  }
}
