1;
function d = cofdet(A)
  n = rows(A);
  if n == 1
    d = A;
    return;
  end
  d = 0;
  for j = 1:n
    M = A(2:end, [1:j-1, j+1:n]);
    d = d + (-1)^(1+j) * A(1, j) * cofdet(M);
  end
end
cofdet([2 0 1; 1 3 2; 1 1 1])
round(det([2 0 1; 1 3 2; 1 1 1]))
