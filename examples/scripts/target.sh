#!/bin/sh
# A stand-in for any program outside the JVM (a training script, a simulator, a benchmark):
# it takes its settings as "--name value" pairs and prints its score as a line "val_loss=<number>".
lr=0.1
layers=2
activation=relu
while [ $# -gt 0 ]; do
  case "$1" in
    --lr) lr=$2; shift 2 ;;
    --layers) layers=$2; shift 2 ;;
    --activation) activation=$2; shift 2 ;;
    *) echo "target.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
echo "training with lr=$lr layers=$layers activation=$activation"
# A made-up validation loss, lowest (0.1) at lr = 0.01, 3 layers and tanh.
awk -v lr="$lr" -v layers="$layers" -v act="$activation" 'BEGIN {
  d = log(lr) / log(10) + 2
  loss = 0.1 + 0.05 * d * d + 0.02 * (layers - 3) ^ 2 + (act == "tanh" ? 0 : 0.03)
  printf "val_loss=%.6f\n", loss
}'
