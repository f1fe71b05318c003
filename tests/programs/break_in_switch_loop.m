for k = 1:5
  switch k
    case 3
      break;
  end
  disp(k)
end
