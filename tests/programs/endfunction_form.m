1;
function r = triple(x)
  r = 3 * x;
endfunction
triple(4)
