package io.emostream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.model.corpus.ToolMissingException;
import io.emostream.model.evaluation.real.RealMaterialReport;
import io.emostream.model.evaluation.real.RealMaterialSuite;
import io.emostream.model.DemoModel;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.ModelException;
import io.emostream.model.data.CorpusException;
import io.emostream.model.data.CorpusReader;
import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import io.emostream.model.evaluation.ConfusionMatrix;
import io.emostream.model.evaluation.EvaluationReport;
import io.emostream.model.evaluation.Evaluator;
import io.emostream.model.evaluation.MarkdownTables;
import io.emostream.model.evaluation.SvgCharts;
import io.emostream.model.evaluation.View;
import io.emostream.model.runtime.DeviceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream evaluate}: WA, UA, macro-F1 and confusion matrices of a model on a corpus
 * split, for audio+text, audio-only and text-only inputs. Works with any bundle (built-in or
 * TorchScript). Tables go to stdout (Markdown); plots to {@code --plots} as SVG.
 */
@Command(name = "evaluate", description = "Evaluate a model on a corpus split: WA, UA, macro-F1, confusion"
    + " matrices for fused, audio-only and text-only inputs.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CorpusOptions corpus;

  @Option(names = "--model", defaultValue = DemoModel.LOCATION, paramLabel = "BUNDLE",
      description = "Bundle directory or classpath:prefix (default: the bundled demo model).")
  private String model;

  @Option(names = "--split", defaultValue = "test", description = "train, dev or test (default: ${DEFAULT-VALUE}).")
  private String split;

  @Option(names = "--plots", paramLabel = "DIR", description = "Write confusion-matrix SVGs here.")
  private Path plots;

  @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(names = "--real-material", paramLabel = "NODE_MODULES", description = {
      "Also run the real-material suite: real sentences (UCI imdb) in three flat voices against VADER, real calm",
      "recorded speech, channel robustness and calibration. NODE_MODULES: `npm ci` in model/material."})
  private Path realMaterial;

  @Option(names = "--sentences", defaultValue = "1000",
      description = "Real sentences the suite scores (default: ${DEFAULT-VALUE}).")
  private int sentences;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the real-material figures as JSON here.")
  private Path json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (realMaterial != null) {
        RealMaterialSuite.Settings full = RealMaterialSuite.Settings.FULL;
        RealMaterialSuite.Settings settings = new RealMaterialSuite.Settings(sentences,
            Math.min(full.festivalSentences(), sentences), Math.min(full.robustSentences(), sentences),
            full.robustTestItems());
        try (EmotionModel loaded = EmotionModels.load(model, DeviceSpec.parse(device))) {
          RealMaterialReport report = new RealMaterialSuite(loaded, realMaterial, corpus.corpus, settings,
              phase -> err.println("real material: " + phase)).run();
          out.println(report.toMarkdown());
          out.flush();
          if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report.toMetrics());
          }
        }
        if (corpus.corpus == null && corpus.iemocap == null) {
          return 0;
        }
      }
      Split which = Split.parse(split);
      CorpusReader reader = corpus.reader();
      List<Example> examples = reader.read(which);
      if (examples.isEmpty()) {
        err.println("emostream evaluate: " + reader.description() + " has no " + which.id() + " examples");
        return 2;
      }
      EvaluationReport report;
      try (EmotionModel loaded = EmotionModels.load(model, DeviceSpec.parse(device))) {
        err.printf("evaluating %s on %d %s utterances of %s%n", loaded.info().name(), examples.size(), which.id(),
            reader.description());
        report = new Evaluator(loaded, batch).evaluate(which.id(), examples, EnumSet.allOf(View.class), null);
      }
      print(out, report);
      if (plots != null) {
        writePlots(report, plots);
        out.println("plots written to " + plots.toAbsolutePath());
      }
      return 0;
    } catch (CorpusException | ModelException | IllegalArgumentException | ToolMissingException e) {
      err.println("emostream evaluate: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("emostream evaluate: failed: " + e.getMessage());
      return 1;
    }
  }

  static void print(PrintWriter out, EvaluationReport report) {
    out.println(MarkdownTables.summary(report));
    for (Map.Entry<View, ConfusionMatrix> e : new java.util.TreeMap<>(report.views()).entrySet()) {
      out.println("Confusion matrix, " + e.getKey().title() + ":");
      out.println();
      out.println(MarkdownTables.confusion(e.getValue()));
    }
    out.flush();
  }

  static void writePlots(EvaluationReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (View v : report.views().keySet()) {
      Files.writeString(dir.resolve("confusion-" + v.key().replace('_', '-') + ".svg"),
          SvgCharts.confusionMatrix(report.view(v), report.split() + " confusion, " + v.title()),
          StandardCharsets.UTF_8);
    }
  }
}
