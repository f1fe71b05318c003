1;
function [i, j] = find_pair(A, t)
  for i = 1:rows(A)
    for j = 1:columns(A)
      if A(i, j) == t
        return;
      end
    end
  end
  i = 0; j = 0;
end
[r, c] = find_pair(magic(4), 7)
