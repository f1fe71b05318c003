addpath('lib');
for k = 1:3
  printf('%d ', lib_square(k));
end
printf('\n');
