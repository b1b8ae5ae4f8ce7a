package io.emostream.model.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.model.DemoModel;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.runtime.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real-material suite end to end on a slice of the material, with the bundled model and the
 * real tools (espeak-ng, flite, festival, node with VADER, Debian's recorded speech): every part
 * runs and reports, and the bundled model keeps the bars it was released with on that slice.
 */
class RealMaterialSuiteIT {

  /** The npm material stays in {@code model/material}; Maven runs this module's tests from {@code model-training}. */
  private static final Path MATERIAL = Path.of("../model/material/node_modules");

  @Test
  void shouldReportEveryPartAndKeepTheBundledModelsBarsOnASlice() {
    assertThat(Files.isDirectory(MATERIAL.resolve("sentiment")))
        .as("model/material/node_modules is missing: run `npm ci` in model/material (.ci/run does)").isTrue();
    List<String> phases = new ArrayList<>();
    RealMaterialReport report;
    try (EmotionModel model = EmotionModels.load(DemoModel.LOCATION, DeviceSpec.CPU)) {
      report = new RealMaterialSuite(model, MATERIAL, null, new RealMaterialSuite.Settings(60, 8, 20, 0),
          phases::add).run();
    }
    assertThat(phases).isNotEmpty();
    assertThat(report.sentences()).isEqualTo(60);
    assertThat(report.signAccuracy()).containsKeys("text only", "audio+text, espeak-ng en-us",
        "audio only, flite slt", "audio+text, festival slt-hts",
        "VADER compound (npm vader-sentiment, same sentences)");
    assertThat(report.signN().get("audio+text, festival slt-hts")).isEqualTo(8);
    assertThat(report.versusText()).containsOnlyKeys("audio+text, espeak-ng en-us", "audio+text, flite slt",
        "audio+text, festival slt-hts");
    assertThat(report.versusText().get("audio+text, festival slt-hts").n()).isEqualTo(8);
    assertThat(report.versusText().values()).allSatisfy(v -> assertThat(v.p()).isBetween(0.0, 1.0));
    assertThat(report.flatNeutral()).containsOnlyKeys("espeak-ng en-us", "flite slt", "festival slt-hts");
    assertThat(report.flatAngry()).allSatisfy((k, v) -> assertThat(v).isBetween(0.0, 1.0 - report.flatNeutral().get(k)));
    assertThat(report.clips()).isGreaterThanOrEqualTo(55);
    assertThat(report.clipSources()).containsKeys("pocketsphinx-testdata librivox", "alsa-utils",
        TutorialVoiceClips.SOURCE);
    assertThat(report.clipSources().get(TutorialVoiceClips.SOURCE).clips()).isGreaterThanOrEqualTo(40);
    assertThat(report.clipSources().values().stream().mapToInt(CalmClipShares::clips).sum()).isEqualTo(report.clips());
    assertThat(report.angryClips()).allSatisfy(line -> assertThat(line).contains("ANGRY"));
    assertThat(report.robustUtterances()).isEqualTo(20 + report.clips());
    assertThat(report.ece()).allSatisfy((k, v) -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(report.toMarkdown()).contains("Valence sign", "NEUTRAL", "every channel", "ECE", "sign test",
        "Wilson", "heard alone", "By source", TutorialVoiceClips.SOURCE);
    double vader = report.signAccuracy().get("VADER compound (npm vader-sentiment, same sentences)");
    assertThat(vader).as("VADER's sign on real review sentences is far from chance").isGreaterThan(0.55);
    assertThat(report.signAccuracy()).allSatisfy((k, v) -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(report.neutralShare().keySet()).containsExactly("audio+text", "audio only", "text only");
    assertThat(report.robustByChannel().get("audio+text")).containsKeys("mulaw-8k", "band-300-3400",
        "level-30dBFS", "noise-55dBFS", "packet-loss-2pct");
    // the released model's bars, on this slice (the full suite's figures are in the model card)
    assertThat(report.signAccuracy().get("text only")).isGreaterThanOrEqualTo(Math.max(0.7, vader));
    assertThat(report.signAccuracy().get("audio+text, espeak-ng en-us"))
        .isGreaterThanOrEqualTo(report.signAccuracy().get("text only") - 0.05);
    assertThat(report.neutralShare().get("audio+text")).isGreaterThanOrEqualTo(0.7);
    assertThat(report.angryShare().get("audio+text")).isLessThanOrEqualTo(0.05);
    assertThat(report.neutralShare().get("audio only")).isGreaterThanOrEqualTo(0.7);
    // issue 11's bar is 5 %, which 2.1.0 meets on all 60 clips (3 of them); this leaves room for one
    // clip near the boundary to flip on another CPU's rounding
    assertThat(report.angryShare().get("audio only")).isLessThanOrEqualTo(0.07);
    CalmClipShares others = report.clipSources().get("alsa-utils");
    assertThat(others.audioAngry()).isZero();
    // the 18 clips the suite had before the tutorial keep the bound they were held to then
    double earlierClips = 0;
    double earlierAngry = 0;
    for (var e : report.clipSources().entrySet()) {
      if (!e.getKey().equals(TutorialVoiceClips.SOURCE)) {
        earlierClips += e.getValue().clips();
        earlierAngry += e.getValue().clips() * e.getValue().audioAngry();
      }
    }
    assertThat(earlierClips).isEqualTo(18);
    assertThat(earlierAngry / earlierClips).isLessThanOrEqualTo(0.1);
    assertThat(report.angrySureShare()).containsOnlyKeys("audio+text", "audio only", "text only");
    report.angrySureShare().forEach((view, sure) -> assertThat(sure).isBetween(0.0, report.angryShare().get(view)));
    assertThat(report.robustAll().get("audio+text")).isGreaterThanOrEqualTo(0.85);
  }
}
