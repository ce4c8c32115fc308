# Renders privacy-utility.png from privacy-utility.csv (written by
# `fedhealth bench privacy-utility ... --csv`). Run: gnuplot privacy-utility.gp
set datafile separator ","
set terminal pngcairo size 760,440 font "sans,11"
set output "privacy-utility.png"
set title "Fed-Heart-Disease, FedAvg + record-level DP-SGD (δ = 1e-3), 5 runs each"
set xlabel "record-level ε (log scale)"
set ylabel "mean site accuracy"
set logscale x 2
set xrange [0.35:16]
set yrange [0.6:0.8]
set key bottom right
set grid
nodp = real(system("awk -F, '$1==\"inf\"{print $2}' privacy-utility.csv"))
set samples 2
no_dp(x) = nodp
flamby_fedavg(x) = 0.685
flamby_pooled(x) = 0.735
plot "< grep -v inf privacy-utility.csv" every ::1 using 1:2:3 with yerrorlines lw 2 pt 7 title "FedHealth with DP (mean ± sd)", \
     no_dp(x) with lines dt 2 lw 2 title "FedHealth without DP", \
     flamby_fedavg(x) with lines dt 3 lw 2 title "FLamby FedAvg (no DP) 0.685", \
     flamby_pooled(x) with lines dt 4 lw 2 title "FLamby pooled training 0.735"
