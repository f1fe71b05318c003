x = 3;
if x > 2
  y = 1;
endif
y
