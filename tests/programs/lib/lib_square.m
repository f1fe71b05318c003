function r = lib_square(x)
  % the square of x
  r = x .^ 2;
end
