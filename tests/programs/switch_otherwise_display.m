switch 'hello'
  case 'world'
    y = 1
  otherwise
    y = 2
end
