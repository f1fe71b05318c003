for n = 1:4
  switch n
    case 1
      disp('one')
    case {2, 3}
      disp('two or three')
    otherwise
      disp('other')
  end
end
