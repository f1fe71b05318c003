k = 0;
do
  k += 2
until k >= 4
