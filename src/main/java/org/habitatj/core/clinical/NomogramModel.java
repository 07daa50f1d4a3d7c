package org.habitatj.core.clinical;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.stats.Logistic;

/**
 * A logistic-regression nomogram model: logit P(outcome) = intercept + Σ term contributions, with
 * the metadata needed to apply, draw and audit it. Stored as JSON (format {@value #FORMAT}).
 *
 * <p>Term contribution c<sub>j</sub>(x): continuous β<sub>j</sub>·x; categorical the coefficient of
 * the level (0 for the reference level).
 *
 * <p><b>Points</b> (R rms::nomogram convention, maxscale = 100): let lo<sub>j</sub>, hi<sub>j</sub>
 * be the smallest and largest contribution of term j over its range (continuous: β·min and β·max;
 * categorical: over all levels including the reference), and R = max<sub>j</sub>(hi<sub>j</sub> −
 * lo<sub>j</sub>). Points<sub>j</sub>(x) = maxscale·(c<sub>j</sub>(x) − lo<sub>j</sub>)/R, so the
 * term with the widest contribution range spans 0–100 and the level with the lowest contribution
 * (the reference when all level coefficients are positive) gets 0. Total points T map back exactly:
 * LP = intercept + Σ lo<sub>j</sub> + T·R/maxscale and p = 1/(1 + e^(−LP)). A continuous value
 * outside [min, max] still gets exact points (below 0 or above the term's maximum) and a warning.
 */
public final class NomogramModel {

  /** Format identifier written into every model file. */
  public static final String FORMAT = "habitatj-nomogram-1";

  /** Resource path of the bundled (illustrative) model. */
  public static final String BUNDLED_RESOURCE = "/org/habitatj/nomogram/bundled-combined-model.json";

  /** Term type. */
  public enum Type {
    CONTINUOUS,
    CATEGORICAL
  }

  /**
   * One model term.
   *
   * @param name predictor name (CSV column)
   * @param label display label
   * @param unit unit of a continuous term ("" if none)
   * @param coefficient β of a continuous term (NaN for categorical)
   * @param min lower end of the nomogram axis (training minimum) for continuous terms
   * @param max upper end of the axis (training maximum)
   * @param levels categorical level labels (empty for continuous)
   * @param reference reference level (categorical)
   * @param levelCoefficients coefficient per level, 0 for the reference
   * @param coding how the term was coded in the regression, in words
   */
  public record Term(
      String name,
      String label,
      String unit,
      Type type,
      double coefficient,
      double min,
      double max,
      List<String> levels,
      String reference,
      double[] levelCoefficients,
      String coding) {

    public static Term continuous(String name, String label, String unit, double beta, double min,
        double max) {
      return new Term(name, label, unit, Type.CONTINUOUS, beta, min, max, List.of(), null,
          new double[0], "continuous, linear");
    }

    public static Term categorical(String name, String label, List<String> levels, String reference,
        double[] coefficients, String coding) {
      if (levels.size() != coefficients.length) {
        throw new IllegalArgumentException(name + ": " + levels.size() + " levels but "
            + coefficients.length + " coefficients");
      }
      int r = levels.indexOf(reference);
      if (r < 0) {
        throw new IllegalArgumentException(name + ": reference level '" + reference + "' is not a level");
      }
      if (coefficients[r] != 0) {
        throw new IllegalArgumentException(name + ": the reference level's coefficient must be 0");
      }
      return new Term(name, label, "", Type.CATEGORICAL, Double.NaN, Double.NaN, Double.NaN,
          List.copyOf(levels), reference, coefficients.clone(), coding);
    }

    /** Smallest contribution over the term's range. */
    public double minContribution() {
      if (type == Type.CONTINUOUS) {
        return Math.min(coefficient * min, coefficient * max);
      }
      double m = Double.POSITIVE_INFINITY;
      for (double c : levelCoefficients) {
        m = Math.min(m, c);
      }
      return m;
    }

    /** Largest contribution over the term's range. */
    public double maxContribution() {
      if (type == Type.CONTINUOUS) {
        return Math.max(coefficient * min, coefficient * max);
      }
      double m = Double.NEGATIVE_INFINITY;
      for (double c : levelCoefficients) {
        m = Math.max(m, c);
      }
      return m;
    }

    /** Index of a categorical level (case-insensitive; tumour-composition aliases accepted). */
    public int levelIndex(String value) {
      for (int i = 0; i < levels.size(); i++) {
        if (levels.get(i).equalsIgnoreCase(value.trim())) {
          return i;
        }
      }
      try {
        String lab = TumourComposition.parse(value).label();
        int i = levels.indexOf(lab);
        if (i >= 0) {
          return i;
        }
      } catch (IllegalArgumentException ignored) {
        // not a composition alias
      }
      throw new IllegalArgumentException("term '" + name + "': unknown level '" + value
          + "'; expected one of " + levels);
    }
  }

  /** An AUC with its 95% CI (NaN when not available). */
  public record Auc(double auc, double lower, double upper) {}

  /**
   * Training summary. {@code splitColumn}/{@code trainingValue} name a predefined split (rows with
   * that value trained, the others were the test set); both are null for the seeded random split,
   * whose ratio is in {@code notes} and whose seed is {@code seed} (with a split column the seed
   * only drove the LASSO cross-validation folds).
   */
  public record TrainingSummary(int n, int events, Auc trainAuc, int nTest, int eventsTest, Auc testAuc,
      long seed, String notes, String splitColumn, String trainingValue) {

    /** A summary of a seeded random split (no split column). */
    public TrainingSummary(int n, int events, Auc trainAuc, int nTest, int eventsTest,
        Auc testAuc, long seed, String notes) {
      this(n, events, trainAuc, nTest, eventsTest, testAuc, seed, notes, null, null);
    }
  }

  /** Result of applying the model to one subject. */
  public record Prediction(double linearPredictor, double probability, String riskClass,
      Map<String, Double> points, double totalPoints, List<String> warnings) {}

  private final String name;
  private final String outcome;
  private final double intercept;
  private final List<Term> terms;
  private final double riskCutoff;
  private final double maxScale;
  private final TrainingSummary training;
  private final String created;
  private final String habitatjVersion;
  private final String provenance;

  /**
   * @param riskCutoff probability at or above which the risk class is "high"
   * @param created creation date (ISO-8601)
   */
  public NomogramModel(String name, String outcome, double intercept, List<Term> terms,
      double riskCutoff, double maxScale, TrainingSummary training, String created,
      String habitatjVersion, String provenance) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a nomogram model needs at least one term");
    }
    for (Term t : terms) {
      if (t.type() == Type.CONTINUOUS && !(t.max() > t.min())) {
        throw new IllegalArgumentException("term '" + t.name() + "': max must exceed min");
      }
    }
    this.name = name;
    this.outcome = outcome;
    this.intercept = intercept;
    this.terms = List.copyOf(terms);
    this.riskCutoff = riskCutoff;
    this.maxScale = maxScale;
    this.training = training;
    this.created = created;
    this.habitatjVersion = habitatjVersion;
    this.provenance = provenance;
  }

  public String name() {
    return name;
  }

  public String outcome() {
    return outcome;
  }

  public double intercept() {
    return intercept;
  }

  public List<Term> terms() {
    return terms;
  }

  public double riskCutoff() {
    return riskCutoff;
  }

  public double maxScale() {
    return maxScale;
  }

  public TrainingSummary training() {
    return training;
  }

  public String created() {
    return created;
  }

  public String habitatjVersion() {
    return habitatjVersion;
  }

  public String provenance() {
    return provenance;
  }

  public Term term(String n) {
    for (Term t : terms) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("model has no term '" + n + "'");
  }

  /** R = the widest contribution range over terms (linear-predictor units per maxScale points). */
  public double pointsRange() {
    double r = 0;
    for (Term t : terms) {
      r = Math.max(r, t.maxContribution() - t.minContribution());
    }
    return r;
  }

  /** Points of a continuous value for a term. */
  public double points(Term t, double x) {
    if (t.type() != Type.CONTINUOUS) {
      throw new IllegalArgumentException("term '" + t.name() + "' is categorical");
    }
    return maxScale * (t.coefficient() * x - t.minContribution()) / pointsRange();
  }

  /** Points of a categorical level index for a term. */
  public double pointsForLevel(Term t, int level) {
    return maxScale * (t.levelCoefficients()[level] - t.minContribution()) / pointsRange();
  }

  /** Linear predictor for a total number of points. */
  public double linearPredictorForPoints(double totalPoints) {
    double lo = intercept;
    for (Term t : terms) {
      lo += t.minContribution();
    }
    return lo + totalPoints * pointsRange() / maxScale;
  }

  /** Probability for a total number of points. */
  public double probabilityForPoints(double totalPoints) {
    return Logistic.sigmoid(linearPredictorForPoints(totalPoints));
  }

  /** Maximum possible total points. */
  public double maxTotalPoints() {
    double s = 0;
    for (Term t : terms) {
      s += maxScale * (t.maxContribution() - t.minContribution()) / pointsRange();
    }
    return s;
  }

  /**
   * Applies the model to one subject.
   *
   * @param values term name → Number (continuous) or String (categorical level, or a continuous
   *     value as text)
   * @throws IllegalArgumentException if a term is missing or a value is not valid
   */
  public Prediction apply(Map<String, ?> values) {
    Map<String, Double> pts = new LinkedHashMap<>();
    List<String> warn = new ArrayList<>();
    double lp = intercept;
    double total = 0;
    for (Term t : terms) {
      Object v = values.get(t.name());
      if (v == null) {
        throw new IllegalArgumentException("missing value for term '" + t.name() + "'");
      }
      double p;
      if (t.type() == Type.CONTINUOUS) {
        double x;
        if (v instanceof Number num) {
          x = num.doubleValue();
        } else {
          try {
            x = Double.parseDouble(v.toString().trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("term '" + t.name() + "': '" + v + "' is not a number");
          }
        }
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException("term '" + t.name() + "': value is not finite");
        }
        if (x < t.min() || x > t.max()) {
          warn.add(String.format(Locale.ROOT, "%s = %.4g is outside the training range [%.4g, %.4g]"
              + " (extrapolation)", t.name(), x, t.min(), t.max()));
        }
        lp += t.coefficient() * x;
        p = points(t, x);
      } else {
        int li = v instanceof Number num && t.levels().stream().noneMatch(l -> l.equals(v.toString()))
            ? t.levelIndex(String.valueOf(num.intValue()))
            : t.levelIndex(v.toString());
        lp += t.levelCoefficients()[li];
        p = pointsForLevel(t, li);
      }
      pts.put(t.name(), p);
      total += p;
    }
    double prob = Logistic.sigmoid(lp);
    String cls = prob >= riskCutoff ? "high" : "low";
    return new Prediction(lp, prob, cls, Collections.unmodifiableMap(pts), total, List.copyOf(warn));
  }

  // ---------------------------------------------------------------- JSON

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

  /** Serialises to pretty-printed JSON (stable field order). */
  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("name", name);
    o.addProperty("outcome", outcome);
    o.addProperty("provenance", provenance);
    o.addProperty("created", created);
    o.addProperty("habitatjVersion", habitatjVersion);
    o.addProperty("link", "logit");
    o.addProperty("intercept", intercept);
    JsonArray ta = new JsonArray();
    for (Term t : terms) {
      JsonObject j = new JsonObject();
      j.addProperty("name", t.name());
      j.addProperty("label", t.label());
      j.addProperty("type", t.type().name().toLowerCase(Locale.ROOT));
      j.addProperty("coding", t.coding());
      if (t.type() == Type.CONTINUOUS) {
        j.addProperty("unit", t.unit());
        j.addProperty("coefficient", t.coefficient());
        j.addProperty("min", t.min());
        j.addProperty("max", t.max());
      } else {
        j.addProperty("reference", t.reference());
        JsonArray lv = new JsonArray();
        for (int i = 0; i < t.levels().size(); i++) {
          JsonObject l = new JsonObject();
          l.addProperty("level", t.levels().get(i));
          l.addProperty("coefficient", t.levelCoefficients()[i]);
          lv.add(l);
        }
        j.add("levels", lv);
      }
      ta.add(j);
    }
    o.add("terms", ta);
    o.addProperty("riskCutoff", riskCutoff);
    o.addProperty("maxScale", maxScale);
    if (training != null) {
      JsonObject tr = new JsonObject();
      tr.addProperty("n", training.n());
      tr.addProperty("events", training.events());
      tr.add("trainAuc", auc(training.trainAuc()));
      tr.addProperty("nTest", training.nTest());
      tr.addProperty("eventsTest", training.eventsTest());
      tr.add("testAuc", auc(training.testAuc()));
      tr.addProperty("seed", training.seed());
      tr.addProperty("notes", training.notes());
      if (training.splitColumn() != null) {
        tr.addProperty("splitColumn", training.splitColumn());
        tr.addProperty("trainingValue", training.trainingValue());
      }
      o.add("training", tr);
    }
    return GSON.toJson(o) + "\n";
  }

  private static JsonObject auc(Auc a) {
    JsonObject j = new JsonObject();
    if (a != null) {
      j.addProperty("auc", a.auc());
      j.addProperty("lower95", a.lower());
      j.addProperty("upper95", a.upper());
    }
    return j;
  }

  /**
   * Parses a model file's JSON.
   *
   * @param source file name or description used in error messages
   * @throws IllegalArgumentException naming the source and the missing or invalid field
   */
  public static NomogramModel fromJson(String json, String source) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      String fmt = str(o, "format", source);
      if (!FORMAT.equals(fmt)) {
        throw new IllegalArgumentException(source + ": unsupported model format '" + fmt
            + "' (expected " + FORMAT + ")");
      }
      List<Term> terms = new ArrayList<>();
      JsonArray ta = req(o, "terms", source).getAsJsonArray();
      for (JsonElement e : ta) {
        JsonObject j = e.getAsJsonObject();
        String tn = str(j, "name", source);
        String type = str(j, "type", source + " term " + tn);
        String coding = j.has("coding") ? j.get("coding").getAsString() : "";
        String label = j.has("label") ? j.get("label").getAsString() : tn;
        if (type.equals("continuous")) {
          terms.add(new Term(tn, label, j.has("unit") ? j.get("unit").getAsString() : "",
              Type.CONTINUOUS, num(j, "coefficient", source + " term " + tn),
              num(j, "min", source + " term " + tn), num(j, "max", source + " term " + tn),
              List.of(), null, new double[0], coding));
        } else if (type.equals("categorical")) {
          JsonArray lv = req(j, "levels", source + " term " + tn).getAsJsonArray();
          List<String> levels = new ArrayList<>();
          double[] co = new double[lv.size()];
          for (int i = 0; i < lv.size(); i++) {
            JsonObject l = lv.get(i).getAsJsonObject();
            levels.add(str(l, "level", source + " term " + tn));
            co[i] = num(l, "coefficient", source + " term " + tn);
          }
          terms.add(Term.categorical(tn, label, levels, str(j, "reference", source + " term " + tn),
              co, coding));
        } else {
          throw new IllegalArgumentException(source + ": term '" + tn + "' has unknown type '" + type + "'");
        }
      }
      TrainingSummary tr = null;
      if (o.has("training")) {
        JsonObject t = o.getAsJsonObject("training");
        tr = new TrainingSummary(t.get("n").getAsInt(), t.get("events").getAsInt(),
            aucOf(t.getAsJsonObject("trainAuc")), t.get("nTest").getAsInt(),
            t.get("eventsTest").getAsInt(), aucOf(t.getAsJsonObject("testAuc")),
            t.get("seed").getAsLong(), t.has("notes") ? t.get("notes").getAsString() : "",
            t.has("splitColumn") ? t.get("splitColumn").getAsString() : null,
            t.has("trainingValue") ? t.get("trainingValue").getAsString() : null);
      }
      return new NomogramModel(str(o, "name", source), str(o, "outcome", source),
          num(o, "intercept", source), terms, num(o, "riskCutoff", source),
          o.has("maxScale") ? o.get("maxScale").getAsDouble() : 100, tr, str(o, "created", source),
          str(o, "habitatjVersion", source), str(o, "provenance", source));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(source + ": not a valid nomogram model file: " + e.getMessage(), e);
    }
  }

  private static Auc aucOf(JsonObject j) {
    if (j == null || !j.has("auc")) {
      return new Auc(Double.NaN, Double.NaN, Double.NaN);
    }
    return new Auc(j.get("auc").getAsDouble(), j.get("lower95").getAsDouble(),
        j.get("upper95").getAsDouble());
  }

  private static JsonElement req(JsonObject o, String k, String src) {
    JsonElement e = o.get(k);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException(src + ": missing field '" + k + "'");
    }
    return e;
  }

  private static String str(JsonObject o, String k, String src) {
    return req(o, k, src).getAsString();
  }

  private static double num(JsonObject o, String k, String src) {
    return req(o, k, src).getAsDouble();
  }

  /** Reads a model file. */
  public static NomogramModel read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("model file not found: " + file);
    }
    return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Writes the model (never overwrites an existing file unless {@code overwrite}). */
  public void write(Path file, boolean overwrite) throws IOException {
    if (!overwrite && Files.exists(file)) {
      throw new IOException("refusing to overwrite existing file " + file);
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /** The bundled illustrative model shipped in the jar (fitted on SYNTHETIC data; see provenance). */
  public static NomogramModel bundled() {
    try (InputStream in = NomogramModel.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled nomogram resource missing: " + BUNDLED_RESOURCE);
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled model");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
