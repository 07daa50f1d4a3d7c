#!/bin/sh
# Feature-map benchmark: brain1 3D first-order + GLCM (vs PyRadiomics ~25 s) and case C12 under -Xmx2g.
# Usage: bench/maps.sh [threads]   (run from the repository root; needs ../shared)
set -e
T=${1:-2}
mvn -q -B -o test-compile
CP="target/test-classes:target/classes:$(cat target/classpath.txt)"
java -cp "$CP" org.habitatj.bench.MapsBench brain1 "$T"
java -Xmx2g -cp "$CP" org.habitatj.bench.MapsBench c12 "$T"
