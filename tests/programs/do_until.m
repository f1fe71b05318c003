x = 1;
do
  x = x * 3;
until x > 50
x
