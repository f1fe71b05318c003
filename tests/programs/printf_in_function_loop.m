1;
function print_table(A)
  for i = 1:rows(A)
    fprintf('%6.2f', A(i, :));
    fprintf('\n');
  end
end
print_table([1 2.5; -3 4])
