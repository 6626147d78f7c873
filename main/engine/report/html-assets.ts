// The page's inline style and script: the report is opened from a USB stick on an offline
// office computer, so nothing may be fetched from elsewhere.

export const HTML_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#1f2328;background:#f6f7f9;font-size:14px}
header{background:#1f4e79;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;opacity:.85}
main{padding:16px 24px;max-width:1400px;margin:0 auto}
section{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:0 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #d8dee4;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}
.card.error b{color:#c62828}.card.warning b{color:#b26a00}.card.info b{color:#1f6feb}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d8dee4;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
.nw{white-space:nowrap}
table.narrow{width:auto;min-width:360px}
.bar{display:inline-block;height:8px;background:#2e7d32;border-radius:4px;vertical-align:middle;margin-right:6px}
.sev{white-space:nowrap;font-weight:bold}
.sev-error{color:#c62828}.sev-warning{color:#b26a00}.sev-info{color:#1f6feb}
tr.sev-row-error td:first-child{border-left:4px solid #c62828}
tr.sev-row-warning td:first-child{border-left:4px solid #e0a000}
.path{font-family:Consolas,monospace;font-size:12px;color:#57606a;word-break:break-all}
.ocr{font-size:12px;color:#8250df;margin-top:2px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:10px}
.filters select,.filters input{font:inherit;padding:4px 6px}
.filters input{min-width:220px}
.count{margin-left:auto;color:#57606a}
.values{font-size:12px;color:#57606a}
ul.notices{margin:0;padding-left:20px}
.empty{color:#57606a}
@media print{.filters{display:none}header{background:none;color:#000}th{position:static}}
`;

// Each filterable table (问题清单 #findings with f-…, 系统数据疑点 #export-findings with x-…) gets the same filters.
export const HTML_SCRIPT = `
(function(){
  function setup(table,p){
    var body=document.querySelector('#'+table+' tbody');
    if(!body)return;
    var rows=Array.prototype.slice.call(body.querySelectorAll('tr[data-rule]'));
    var fields=['village','rule','severity','category'].map(function(n){return [n,document.getElementById(p+'-'+n)];}).filter(function(f){return f[1];});
    var search=document.getElementById(p+'-search');
    var count=document.getElementById(p+'-count');
    var empty=document.getElementById(p+'-no-match');
    function apply(){
      var q=search.value.trim().toLowerCase();
      var shown=0;
      rows.forEach(function(tr){
        var ok=fields.every(function(f){return !f[1].value||tr.getAttribute('data-'+f[0])===f[1].value;})&&(!q||tr.textContent.toLowerCase().indexOf(q)!==-1);
        tr.hidden=!ok;
        if(ok)shown++;
      });
      count.textContent='显示 '+shown+' / '+rows.length+' 条';
      empty.hidden=shown!==0||rows.length===0;
    }
    fields.forEach(function(f){f[1].addEventListener('change',apply);});
    search.addEventListener('input',apply);
    apply();
  }
  setup('findings','f');
  setup('export-findings','x');
})();
`;
