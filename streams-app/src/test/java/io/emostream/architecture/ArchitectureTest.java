package io.emostream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.emostream.common.FeatureApi;
import io.emostream.topology.EmostreamTopology;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The package layout of streams-app, stated so it stays true. Only the module's production classes
 * are analysed (not its tests, not the model or schema jars).
 *
 * <p>The packages fall into these groups:
 * <ul>
 *   <li><b>features</b> ({@link #FEATURES}): assembly, scoring, rollups, alerts, summaries, timeline
 *       and serving. Each owns its processors, stores, settings and node names. A feature's
 *       <em>API</em> is its classes marked {@link FeatureApi} (and their nested classes): its
 *       {@code *Topology} wiring class, its settings and the values it stores for queries. Its
 *       <em>internals</em> are all its other classes. A feature may use another only through that
 *       API, or not at all.</li>
 *   <li><b>topology</b>: assembles the features into the one Kafka Streams topology.</li>
 *   <li><b>app</b>: one running instance (topics, Streams, serving), the composition root.</li>
 *   <li><b>shared</b> ({@link #SHARED}): what features share and none owns (labels, state serdes,
 *       configuration, dead letters, typed topics, audio decoding, validation, redaction). Shared
 *       packages use no feature, so features can use them without a cycle.</li>
 *   <li><b>tools</b>: the command line ({@code cli}), on top of the app. The demo, bench and
 *       embedded broker live in the tools module; their packages are named here too so they stay on
 *       top should any come back, which is why the layer is optional.</li>
 * </ul>
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The feature packages, under {@code io.emostream}. */
  static final List<String> FEATURES = List.of("assembly", "scoring", "rollups", "alerts", "summaries",
      "timeline", "serving");

  /** The shared packages, under {@code io.emostream}. */
  static final List<String> SHARED = List.of("common", "config", "deadletters", "topics", "audio",
      "validation", "privacy");

  @ArchTest
  static final ArchRule shouldHaveNoPackageCycles = slices().matching("io.emostream.(*)..")
      .should().beFreeOfCycles()
      .because("a cycle between packages means neither can be understood, tested or moved alone");

  @ArchTest
  static final ArchRule shouldLayerToolsOverAppOverTopologyOverFeaturesOverShared = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .optionalLayer("Tools").definedBy("io.emostream.cli..", "io.emostream.demo..", "io.emostream.bench..",
          "io.emostream.embedded..")
      .layer("App").definedBy("io.emostream.app..")
      .layer("Topology").definedBy("io.emostream.topology..")
      .layer("Features").definedBy(packages(FEATURES))
      .layer("Shared").definedBy(packages(SHARED))
      .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
      .whereLayer("App").mayOnlyBeAccessedByLayers("Tools")
      .whereLayer("Topology").mayOnlyBeAccessedByLayers("App", "Tools")
      .whereLayer("Features").mayOnlyBeAccessedByLayers("Topology", "App", "Tools")
      .whereLayer("Shared").mayOnlyBeAccessedByLayers("Features", "Topology", "App", "Tools");

  @ArchTest
  static final ArchRule shouldUseAFeatureOnlyThroughItsApi = classes()
      .should(useOtherFeaturesOnlyThroughTheirApi())
      .because("a feature's processors and state handling are its own; others get its @FeatureApi classes");

  @ArchTest
  static final ArchRule shouldServeWithoutTheApplicationClass = noClasses()
      .that().resideInAPackage("io.emostream.serving..")
      .should().dependOnClassesThat().resideInAPackage("io.emostream.app..")
      .because("the app starts serving; serving sees the app only through its ServedApp interface");

  private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirApi() {
    return new ArchCondition<>("use other features only through their @FeatureApi classes") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = feature(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          Optional<String> targetFeature = feature(target);
          if (targetFeature.isPresent() && !targetFeature.equals(own) && !isApi(target)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                + ", an internal of feature '" + targetFeature.get() + "'"));
          }
        }
      }
    };
  }

  /** The feature {@code type} belongs to, if any. */
  private static Optional<String> feature(JavaClass type) {
    String pkg = type.getPackageName();
    return FEATURES.stream()
        .filter(f -> pkg.equals("io.emostream." + f) || pkg.startsWith("io.emostream." + f + "."))
        .findFirst();
  }

  /** Marked {@link FeatureApi}, or nested in a class that is. */
  private static boolean isApi(JavaClass type) {
    for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
      if (c.get().isAnnotatedWith(FeatureApi.class)) {
        return true;
      }
    }
    return false;
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(n -> "io.emostream." + n + "..").toArray(String[]::new);
  }

  /** The production classes of this module: the directory (or jar) holding the topology. */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(EmostreamTopology.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }
}
