for v = [1 2 3]
  switch v
    case 1
      if true
        disp('one-true');
      end
    case {2, 3}
      for w = 1:v
        if w == v, printf('%d:%d\n', v, w); end
      end
  end
end
