x = 3.5;
disp(['x = ', num2str(x)])
