package org.habitatj.core.clinical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.habitatj.Version;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.stats.Calibration;
import org.habitatj.core.stats.DecisionCurve;
import org.habitatj.core.stats.Diagnostics;
import org.habitatj.core.stats.HosmerLemeshow;
import org.habitatj.core.stats.LassoLogistic;
import org.habitatj.core.stats.Logistic;
import org.habitatj.core.stats.Roc;
import org.habitatj.core.stats.StratifiedSplit;
import org.habitatj.core.stats.Table;
import org.habitatj.core.stats.Univariable;

/**
 * Trains and evaluates a logistic nomogram model on a cohort, as in the study design: seeded
 * stratified train/test split → univariable screening on the training set → LASSO logistic
 * regression with k-fold CV (λ_min or λ_1se) → multivariable maximum-likelihood logistic
 * regression on the selected predictors → ROC (DeLong CI), Youden cut-off, diagnostics,
 * calibration, Hosmer–Lemeshow and decision curves on the training and test sets → {@link
 * NomogramModel} plus report tables. Deterministic for a given seed.
 *
 * <p>Split: by default seeded stratified random ({@link StratifiedSplit}); with {@link
 * Settings#withSplitColumn} a predefined split read from a cohort column with exactly two values
 * (e.g. {@code cohort} = training / validation), rows with the training value train and the others
 * are the test set (see {@link #explicitSplit}). The split is recorded in the model's {@link
 * NomogramModel.TrainingSummary} and in the Performance table's "Split" column.
 *
 * <p>Categorical predictors: a column whose values are all tumour-composition labels (cystic,
 * cystic-solid/mixed, solid or codes 0/1/2) and that is declared categorical uses the configured
 * {@link TumourComposition.Coding}; any other categorical column uses indicator coding with the
 * first level (sorted) as reference. In LASSO each indicator is penalised separately; a
 * categorical predictor is kept when any of its indicators is non-zero.
 */
public final class ModelTrainer {

  /** Which cross-validated λ selects the LASSO predictors. */
  public enum LambdaRule {
    MIN,
    ONE_SE
  }

  /** Training settings (immutable). */
  public record Settings(
      List<String> predictors,
      Set<String> categorical,
      TumourComposition.Coding compositionCoding,
      double trainFraction,
      long seed,
      boolean screen,
      double screenP,
      Univariable.ContinuousTest continuousTest,
      boolean lasso,
      LambdaRule lambdaRule,
      int folds,
      String modelName,
      String provenance,
      String created,
      Map<String, String> units,
      String splitColumn,
      String trainingValue) {

    /**
     * Defaults: seeded stratified random 7:3 split (no split column), seed 42, screening
     * p &lt; 0.05 (Mann–Whitney), LASSO at λ_1se, 10 folds.
     */
    public static Settings defaults(List<String> predictors, Set<String> categorical) {
      return new Settings(List.copyOf(predictors), Set.copyOf(categorical),
          TumourComposition.Coding.defaults(), 0.7, 42, true, 0.05,
          Univariable.ContinuousTest.MANN_WHITNEY, true, LambdaRule.ONE_SE, 10, "model",
          "trained with HabitatJ ModelTrainer", java.time.LocalDate.now().toString(), Map.of(), null, null);
    }

    public Settings withSeed(long s) {
      return new Settings(predictors, categorical, compositionCoding, trainFraction, s, screen,
          screenP, continuousTest, lasso, lambdaRule, folds, modelName, provenance, created, units,
          splitColumn, trainingValue);
    }

    public Settings withScreening(boolean on, double p, Univariable.ContinuousTest t) {
      return new Settings(predictors, categorical, compositionCoding, trainFraction, seed, on, p, t,
          lasso, lambdaRule, folds, modelName, provenance, created, units,
          splitColumn, trainingValue);
    }

    public Settings withLasso(boolean on, LambdaRule rule, int k) {
      return new Settings(predictors, categorical, compositionCoding, trainFraction, seed, screen,
          screenP, continuousTest, on, rule, k, modelName, provenance, created, units,
          splitColumn, trainingValue);
    }

    public Settings withTrainFraction(double f) {
      return new Settings(predictors, categorical, compositionCoding, f, seed, screen, screenP,
          continuousTest, lasso, lambdaRule, folds, modelName, provenance, created, units,
          splitColumn, trainingValue);
    }

    public Settings withCompositionCoding(TumourComposition.Coding c) {
      return new Settings(predictors, categorical, c, trainFraction, seed, screen, screenP,
          continuousTest, lasso, lambdaRule, folds, modelName, provenance, created, units,
          splitColumn, trainingValue);
    }

    public Settings withMetadata(String name, String prov, String date, Map<String, String> u) {
      return new Settings(predictors, categorical, compositionCoding, trainFraction, seed, screen,
          screenP, continuousTest, lasso, lambdaRule, folds, name, prov, date, Map.copyOf(u),
          splitColumn, trainingValue);
    }

    /**
     * A predefined training/test split instead of the seeded random one: {@code column} must hold
     * exactly two values; rows with {@code trainingValue} train, the others are the test set.
     * An empty or null {@code trainingValue} means the value of the first row (file order). A
     * null or blank {@code column} restores the random split. The split column is never a
     * predictor; the seed still drives the LASSO cross-validation folds.
     */
    public Settings withSplitColumn(String column, String trainingValue) {
      String c = column == null || column.isBlank() ? null : column.trim();
      String t = c == null || trainingValue == null || trainingValue.isBlank() ? null
          : trainingValue.trim();
      return new Settings(predictors, categorical, compositionCoding, trainFraction, seed, screen,
          screenP, continuousTest, lasso, lambdaRule, folds, modelName, provenance, created, units,
          c, t);
    }
  }

  /**
   * A predefined split read from a cohort column: row indices (ascending, file order) of the two
   * sets, the value that marks training rows and the other value (test rows), with the patient
   * and event (outcome = 1) counts of each set.
   */
  public record ExplicitSplit(String column, String trainingValue, String testValue, int[] train,
      int[] test, int trainEvents, int testEvents) {}

  /** Evaluation of the final model on one set. */
  public record Evaluation(String set, int[] y, double[] p, Roc roc, Diagnostics atCutoff,
      Calibration.Result calibration, HosmerLemeshow.Result hosmerLemeshow,
      DecisionCurve.Result decisionCurve) {}

  /**
   * Everything the training produced. {@code split} holds the training and test row indices of
   * the cohort; with a split column its seed is the settings' seed (used for the CV folds only)
   * and its fraction the realised training fraction, and {@code explicitSplit} describes the
   * split (null for the seeded random split). {@code splitDescription} is the text recorded in
   * the model file and the Performance table.
   */
  public record Result(NomogramModel model, StratifiedSplit.Result split, List<String> screened,
      LassoLogistic.CvResult cv, List<String> selected, Logistic.Fit fit, Evaluation train,
      Evaluation test, List<Table> tables, List<String> notes, ExplicitSplit explicitSplit,
      String splitDescription) {
    public Table table(String title) {
      return tables.stream().filter(t -> t.title().equals(title)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no table " + title));
    }
  }

  /** How one predictor enters the design matrix. */
  private record Block(String name, boolean categorical, boolean composition, List<String> levels,
      String reference, List<String> columns) {}

  private ModelTrainer() {}

  /**
   * Runs the whole pipeline.
   *
   * @throws IllegalArgumentException for bad settings or data (names the predictor/row)
   * @throws ArithmeticException if the final logistic regression cannot be fitted (separation)
   */
  public static Result train(Cohort cohort, Settings s, Progress progress) {
    if (s.predictors().isEmpty()) {
      throw new IllegalArgumentException("no candidate predictors given");
    }
    List<String> notes = new ArrayList<>();
    int[] yAll = cohort.outcome();
    StratifiedSplit.Result split;
    ExplicitSplit explicit = null;
    String splitText;
    if (s.splitColumn() == null) {
      progress.status("Splitting " + cohort.size() + " patients (seed " + s.seed() + ")");
      split = StratifiedSplit.split(yAll, s.trainFraction(), s.seed());
      splitText = "random stratified " + Math.round(s.trainFraction() * 100) + ":"
          + Math.round((1 - s.trainFraction()) * 100) + " split, seed " + s.seed();
    } else {
      if (s.predictors().contains(s.splitColumn())) {
        throw new IllegalArgumentException("split column '" + s.splitColumn()
            + "' cannot also be a predictor; remove it from the predictors");
      }
      progress.status("Splitting " + cohort.size() + " patients by column '" + s.splitColumn()
          + "'");
      explicit = explicitSplit(cohort, s.splitColumn(), s.trainingValue());
      split = new StratifiedSplit.Result(explicit.train(), explicit.test(), s.seed(),
          explicit.train().length / (double) cohort.size());
      splitText = "split by column '" + explicit.column() + "': training = '"
          + explicit.trainingValue() + "' (" + explicit.train().length + " patients, "
          + explicit.trainEvents() + " events), test = '" + explicit.testValue() + "' ("
          + explicit.test().length + " patients, " + explicit.testEvents() + " events)";
    }
    Cohort tr = cohort.subset(split.train());
    Cohort te = cohort.subset(split.test());
    int[] y = tr.outcome();

    Map<String, Block> blocks = new LinkedHashMap<>();
    for (String p : s.predictors()) {
      blocks.put(p, block(cohort, p, s));
    }

    // 1. univariable screening
    progress.status("Univariable screening");
    Table.Builder uni = new Table.Builder("Univariable", "Predictor", "Type", "Test", "Statistic",
        "p", "Selected", "Controls (y=0)", "Cases (y=1)");
    List<String> screened = new ArrayList<>();
    for (Block b : blocks.values()) {
      Univariable.Row r;
      if (b.categorical()) {
        String[] v = tr.categorical(b.name());
        double[] codes = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          codes[i] = b.levels().indexOf(level(b, v[i]));
        }
        r = Univariable.categorical(b.name(), codes, y, s.screenP(), b.levels());
      } else {
        r = Univariable.continuous(b.name(), tr.numeric(b.name()), y, s.continuousTest(), s.screenP());
      }
      boolean keep = !s.screen() || r.selected();
      uni.add(b.name(), b.categorical() ? "categorical" : "continuous", r.test(), r.statistic(),
          r.p(), keep ? "yes" : "no", r.summaryControls(), r.summaryCases());
      if (keep) {
        screened.add(b.name());
      }
    }
    if (screened.isEmpty()) {
      throw new IllegalArgumentException("no predictor passed univariable screening at p < "
          + s.screenP() + "; raise the threshold or switch screening off");
    }
    progress.fraction(0.2);

    // 2. LASSO
    List<String> selected = new ArrayList<>(screened);
    LassoLogistic.CvResult cv = null;
    Table lassoTable = null;
    int nCols = screened.stream().mapToInt(n -> blocks.get(n).columns().size()).sum();
    if (s.lasso() && nCols >= 2) {
      progress.status("LASSO with " + s.folds() + "-fold cross-validation");
      List<String> cols = new ArrayList<>();
      List<String> owner = new ArrayList<>();
      for (String n : screened) {
        cols.addAll(blocks.get(n).columns());
        blocks.get(n).columns().forEach(c -> owner.add(n));
      }
      double[][] x = design(tr, screened, blocks);
      cv = LassoLogistic.crossValidate(x, y, cols.toArray(String[]::new),
          LassoLogistic.Settings.defaults(), s.folds(), s.seed());
      int idx = s.lambdaRule() == LambdaRule.MIN ? cv.indexMin() : cv.index1se();
      Set<String> keep = new LinkedHashSet<>();
      for (int j : cv.path().selected(idx)) {
        keep.add(owner.get(j));
      }
      selected = new ArrayList<>();
      for (String n : screened) {
        if (keep.contains(n)) {
          selected.add(n);
        }
      }
      Table.Builder lt = new Table.Builder("LASSO", "lambda", "log(lambda)", "Non-zero", "CV deviance",
          "CV SE", "Choice");
      for (int l = 0; l < cv.path().lambdas().length; l++) {
        String ch = (l == cv.indexMin() ? "lambda.min" : "")
            + (l == cv.index1se() ? (l == cv.indexMin() ? "+" : "") + "lambda.1se" : "");
        lt.add(cv.path().lambdas()[l], Math.log(cv.path().lambdas()[l]), cv.path().nonZero(l),
            cv.cvm()[l], cv.cvsd()[l], ch);
      }
      lassoTable = lt.build();
      if (selected.isEmpty()) {
        throw new IllegalArgumentException("LASSO at " + (s.lambdaRule() == LambdaRule.MIN
            ? "lambda.min" : "lambda.1se") + " selected no predictor; try lambda.min or switch LASSO off");
      }
    } else if (s.lasso()) {
      notes.add("LASSO skipped: only one design column after screening");
    }
    progress.fraction(0.5);

    // 3. multivariable logistic regression
    progress.status("Multivariable logistic regression on " + selected);
    List<String> cols = new ArrayList<>();
    for (String n : selected) {
      cols.addAll(blocks.get(n).columns());
    }
    double[][] xTr = design(tr, selected, blocks);
    Logistic.Fit fit = Logistic.fit(xTr, y, cols.toArray(String[]::new));
    Table.Builder mv = new Table.Builder("Multivariable", "Term", "Beta", "SE", "z", "p", "OR",
        "OR lower 95%", "OR upper 95%");
    for (int j = 0; j < fit.coefficients().length; j++) {
      mv.add(fit.names()[j], fit.coefficients()[j], fit.standardErrors()[j], fit.z()[j], fit.p()[j],
          fit.oddsRatio(j), fit.oddsRatioLower(j), fit.oddsRatioUpper(j));
    }
    progress.fraction(0.7);

    // 4. evaluation
    double[] pTr = predict(fit, xTr);
    Roc rocTr = Roc.of(pTr, y);
    double cutoff = rocTr.youden().cutoff();
    Evaluation evTr = evaluate("train", y, pTr, cutoff);
    Evaluation evTe = null;
    int[] yTe = te.outcome();
    int evTest = Arrays.stream(yTe).sum();
    if (evTest > 0 && evTest < yTe.length) {
      evTe = evaluate("test", yTe, predict(fit, design(te, selected, blocks)), cutoff);
    } else {
      notes.add("test set has a single outcome class: no test-set ROC");
    }
    Table.Builder perf = new Table.Builder("Performance", "Set", "n", "Events", "AUC",
        "AUC lower 95%", "AUC upper 95%", "Cut-off", "Sensitivity", "Se lower", "Se upper",
        "Specificity", "Sp lower", "Sp upper", "Accuracy", "Acc lower", "Acc upper", "PPV",
        "PPV lower", "PPV upper", "NPV", "NPV lower", "NPV upper", "HL chi2", "HL df", "HL p",
        "Calibration intercept", "Calibration slope", "Brier", "Split");
    for (Evaluation e : new Evaluation[] {evTr, evTe}) {
      if (e == null) {
        continue;
      }
      Diagnostics d = e.atCutoff();
      perf.add(e.set(), e.y().length, Arrays.stream(e.y()).sum(), e.roc().auc(), e.roc().ciLower(),
          e.roc().ciUpper(), cutoff, d.sensitivity().estimate(), d.sensitivity().lower(),
          d.sensitivity().upper(), d.specificity().estimate(), d.specificity().lower(),
          d.specificity().upper(), d.accuracy().estimate(), d.accuracy().lower(),
          d.accuracy().upper(), d.ppv().estimate(), d.ppv().lower(), d.ppv().upper(),
          d.npv().estimate(), d.npv().lower(), d.npv().upper(), e.hosmerLemeshow().chiSquare(),
          e.hosmerLemeshow().df(), e.hosmerLemeshow().p(), e.calibration().intercept(),
          e.calibration().slope(), e.calibration().brier(), explicit == null ? splitText
              : explicit.column() + " = " + (e == evTr ? explicit.trainingValue()
                  : explicit.testValue()));
    }
    Table.Builder dca = new Table.Builder("Decision curve", "Threshold", "Net benefit (train)",
        "Treat all (train)", "Net benefit (test)", "Treat all (test)", "Treat none");
    double[] th = evTr.decisionCurve().thresholds();
    for (int t = 0; t < th.length; t++) {
      dca.add(th[t], evTr.decisionCurve().netBenefit()[t], evTr.decisionCurve().treatAll()[t],
          evTe == null ? Double.NaN : evTe.decisionCurve().netBenefit()[t],
          evTe == null ? Double.NaN : evTe.decisionCurve().treatAll()[t], 0.0);
    }
    Table.Builder sp = new Table.Builder("Predictions", "Id", "Set", "Outcome", "Probability");
    String[] idTr = tr.ids();
    for (int i = 0; i < idTr.length; i++) {
      sp.add(idTr[i], "train", y[i], pTr[i]);
    }
    if (evTe != null) {
      String[] idTe = te.ids();
      for (int i = 0; i < idTe.length; i++) {
        sp.add(idTe[i], "test", yTe[i], evTe.p()[i]);
      }
    }

    // 5. nomogram model
    List<NomogramModel.Term> terms = new ArrayList<>();
    int k = 1;
    for (String n : selected) {
      Block b = blocks.get(n);
      if (!b.categorical()) {
        double[] v = tr.numeric(n);
        double lo = Arrays.stream(v).min().orElseThrow();
        double hi = Arrays.stream(v).max().orElseThrow();
        terms.add(NomogramModel.Term.continuous(n, n, s.units().getOrDefault(n, ""),
            fit.coefficients()[k++], lo, hi));
      } else {
        double[] co = new double[b.levels().size()];
        String coding;
        if (b.composition() && s.compositionCoding().scheme() == TumourComposition.Scheme.ORDINAL) {
          double beta = fit.coefficients()[k++];
          for (int l = 0; l < co.length; l++) {
            co[l] = beta * TumourComposition.parse(b.levels().get(l)).ordinalCode();
          }
          coding = "ordinal: cystic=0, cystic-solid=1, solid=2 (beta " + beta + " per step)";
        } else {
          for (int l = 0; l < co.length; l++) {
            co[l] = b.levels().get(l).equals(b.reference()) ? 0 : fit.coefficients()[k++];
          }
          coding = "indicator (treatment) coding, reference = " + b.reference();
        }
        terms.add(NomogramModel.Term.categorical(n, n, b.levels(), b.reference(), co, coding));
      }
    }
    NomogramModel.Auc aTr = new NomogramModel.Auc(rocTr.auc(), rocTr.ciLower(), rocTr.ciUpper());
    NomogramModel.Auc aTe = evTe == null ? new NomogramModel.Auc(Double.NaN, Double.NaN, Double.NaN)
        : new NomogramModel.Auc(evTe.roc().auc(), evTe.roc().ciLower(), evTe.roc().ciUpper());
    String summary = splitText + "; screening "
        + (s.screen() ? s.continuousTest() + "/chi-square-Fisher p<" + s.screenP() : "off")
        + "; LASSO " + (cv == null ? "off" : s.lambdaRule() + " " + s.folds() + "-fold CV")
        + "; risk cut-off = Youden on training predictions; selected " + selected;
    NomogramModel model = new NomogramModel(s.modelName(), cohort.outcomeName(),
        fit.coefficients()[0], terms, cutoff, 100,
        new NomogramModel.TrainingSummary(y.length, fit.events(), aTr, yTe.length, evTest, aTe,
            s.seed(), summary, explicit == null ? null : explicit.column(),
            explicit == null ? null : explicit.trainingValue()),
        s.created(), Version.VERSION, s.provenance());
    List<Table> tables = new ArrayList<>();
    tables.add(uni.build());
    if (lassoTable != null) {
      tables.add(lassoTable);
    }
    tables.add(mv.build());
    tables.add(perf.build());
    tables.add(dca.build());
    tables.add(sp.build());
    progress.fraction(1);
    return new Result(model, split, List.copyOf(screened), cv, List.copyOf(selected), fit, evTr,
        evTe, List.copyOf(tables), List.copyOf(notes), explicit, splitText);
  }

  /**
   * Reads a predefined split from {@code column}: exactly two distinct values; rows with
   * {@code trainingValue} (or, when it is null/empty, the value of the first row) are the
   * training set, the others the test set. Both sets must contain cases (outcome 1) and
   * controls (outcome 0).
   *
   * @throws IllegalArgumentException naming the column and the values found when the column is
   *     missing, has missing values, does not have exactly two values, does not contain the
   *     training value, or when a set lacks cases or controls
   */
  public static ExplicitSplit explicitSplit(Cohort cohort, String column, String trainingValue) {
    String[] v = cohort.categorical(column); // names the column / the rows with missing values
    List<String> values = Arrays.stream(v).map(String::trim).distinct().toList();
    if (values.size() != 2) {
      throw new IllegalArgumentException(cohort.source() + ": split column '" + column
          + "' must have exactly two values (training and test); found " + values.size() + ": "
          + values);
    }
    String tv = trainingValue == null || trainingValue.isBlank() ? values.get(0)
        : trainingValue.trim();
    if (!values.contains(tv)) {
      throw new IllegalArgumentException(cohort.source() + ": training value '" + tv
          + "' is not in split column '" + column + "'; its values are " + values);
    }
    String other = values.get(0).equals(tv) ? values.get(1) : values.get(0);
    int[] y = cohort.outcome();
    List<Integer> tr = new ArrayList<>();
    List<Integer> te = new ArrayList<>();
    int[] events = new int[2];
    for (int i = 0; i < v.length; i++) {
      boolean train = v[i].trim().equals(tv);
      (train ? tr : te).add(i);
      events[train ? 0 : 1] += y[i];
    }
    int[] n = {tr.size(), te.size()};
    String[] set = {"training", "test"};
    String[] val = {tv, other};
    for (int k = 0; k < 2; k++) {
      if (events[k] == 0 || events[k] == n[k]) {
        throw new IllegalArgumentException(cohort.source() + ": the " + set[k] + " set ("
            + column + " = '" + val[k] + "', " + n[k] + " patients) has no "
            + (events[k] == 0 ? "cases (" + cohort.outcomeName() + " = 1)"
                : "controls (" + cohort.outcomeName() + " = 0)")
            + "; both sets need cases and controls");
      }
    }
    return new ExplicitSplit(column, tv, other, tr.stream().mapToInt(Integer::intValue).toArray(),
        te.stream().mapToInt(Integer::intValue).toArray(), events[0], events[1]);
  }

  private static Evaluation evaluate(String set, int[] y, double[] p, double cutoff) {
    Roc roc = Roc.of(p, y);
    int bins = Math.min(10, y.length);
    return new Evaluation(set, y, p, roc, roc.diagnostics(cutoff), Calibration.of(y, p, bins),
        HosmerLemeshow.test(y, p, 10), DecisionCurve.of(y, p, DecisionCurve.grid(0.01, 0.99, 0.01)));
  }

  private static double[] predict(Logistic.Fit f, double[][] x) {
    double[] p = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p[i] = f.predict(x[i]);
    }
    return p;
  }

  private static Block block(Cohort c, String name, Settings s) {
    boolean cat = s.categorical().contains(name) || c.isCategorical(name);
    if (!cat) {
      c.numeric(name); // validates presence and completeness
      return new Block(name, false, false, List.of(), null, List.of(name));
    }
    String[] v = c.categorical(name);
    boolean comp = true;
    for (String x : v) {
      try {
        TumourComposition.parse(x);
      } catch (IllegalArgumentException e) {
        comp = false;
        break;
      }
    }
    if (comp) {
      TumourComposition.Coding cd = s.compositionCoding();
      List<String> lv = Arrays.stream(TumourComposition.values()).map(TumourComposition::label).toList();
      return new Block(name, true, true, lv, cd.reference().label(), cd.columnNames(name));
    }
    List<String> lv = Arrays.stream(v).distinct().sorted(Comparator.naturalOrder()).toList();
    if (lv.size() < 2) {
      throw new IllegalArgumentException("categorical predictor '" + name + "' has a single level");
    }
    List<String> cols = new ArrayList<>();
    for (int i = 1; i < lv.size(); i++) {
      cols.add(name + "=" + lv.get(i));
    }
    return new Block(name, true, false, lv, lv.get(0), cols);
  }

  private static String level(Block b, String raw) {
    return b.composition() ? TumourComposition.parse(raw).label() : raw;
  }

  private static double[][] design(Cohort c, List<String> preds, Map<String, Block> blocks) {
    int n = c.size();
    int p = preds.stream().mapToInt(x -> blocks.get(x).columns().size()).sum();
    double[][] x = new double[n][p];
    int col = 0;
    for (String name : preds) {
      Block b = blocks.get(name);
      if (!b.categorical()) {
        double[] v = c.numeric(name);
        for (int i = 0; i < n; i++) {
          x[i][col] = v[i];
        }
        col++;
      } else if (b.composition()) {
        // coding from the block's column names: ordinal -> 1 column, indicator -> levels-1
        String[] v = c.categorical(name);
        TumourComposition ref = TumourComposition.parse(b.reference());
        boolean ordinal = b.columns().size() == 1;
        TumourComposition.Coding cd = new TumourComposition.Coding(
            ordinal ? TumourComposition.Scheme.ORDINAL : TumourComposition.Scheme.INDICATOR, ref);
        for (int i = 0; i < n; i++) {
          double[] e = cd.encode(TumourComposition.parse(v[i]));
          System.arraycopy(e, 0, x[i], col, e.length);
        }
        col += b.columns().size();
      } else {
        String[] v = c.categorical(name);
        for (int i = 0; i < n; i++) {
          int li = b.levels().indexOf(v[i]);
          if (li < 0) {
            throw new IllegalArgumentException(c.source() + ": " + c.ids()[i] + ", column '" + name
                + "': level '" + v[i] + "' not seen in the training data");
          }
          if (li > 0) {
            x[i][col + li - 1] = 1;
          }
        }
        col += b.columns().size();
      }
    }
    return x;
  }
}
