#!/bin/sh
# Stands in for any program outside the JVM: takes "--name value" settings, prints "val_loss=<number>"
# (a made-up loss, lowest at lr = 0.01, 3 layers and tanh).
lr=0.1; layers=2; activation=relu
while [ $# -gt 0 ]; do
  case "$1" in
    --lr) lr=$2; shift 2 ;;
    --layers) layers=$2; shift 2 ;;
    --activation) activation=$2; shift 2 ;;
    *) echo "target.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
echo "training with lr=$lr layers=$layers activation=$activation"
awk -v lr="$lr" -v layers="$layers" -v act="$activation" 'BEGIN {
  d = log(lr) / log(10) + 2
  printf "val_loss=%.6f\n", 0.1 + 0.05 * d * d + 0.02 * (layers - 3) ^ 2 + (act == "tanh" ? 0 : 0.03)
}'
