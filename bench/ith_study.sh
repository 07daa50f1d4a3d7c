#!/bin/sh
# ITH reproducibility study and ITH speed benchmarks (issue 5). Run from the repository root; needs ../shared.
# Usage: bench/ith_study.sh [study|speed|chain|all]
set -e
WHAT=${1:-all}
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
if [ "$WHAT" = study ] || [ "$WHAT" = all ]; then
  java -cp "$CP" org.habitatj.bench.ReproducibilityStudy EIGHT 5 DEFAULT
fi
if [ "$WHAT" = speed ] || [ "$WHAT" = all ]; then
  uptime; java -cp "$CP" org.habitatj.bench.IthscoreSpeedBench 5 11 2
fi
if [ "$WHAT" = chain ] || [ "$WHAT" = all ]; then
  uptime; java -cp "$CP" org.habitatj.bench.ChainBench STS_002 2 5 2
fi
