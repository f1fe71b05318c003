function r = sq(x)
  % SQ  the square of each element of x.
  %   r = sq(x)
  r = x .^ 2;
