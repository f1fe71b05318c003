disp(-3)
disp(-0.001)
disp(1e-10)
disp(12345.6789)
