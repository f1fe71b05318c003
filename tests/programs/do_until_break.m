i = 0;
do
  i++;
  if i == 4, break; end
until i > 10
i
